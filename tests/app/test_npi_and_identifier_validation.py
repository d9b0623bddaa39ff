"""Every NPI goes through cleanclaim.npi.validate_npi; TIN and ZIP+4 are checked
where the claim needs them, with messages naming the value."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from cleanclaim.practices.models import Practice, RenderingProvider
from cleanclaim.testing.personas import World, npi


def test_it_rejects_a_provider_npi_with_a_bad_check_digit(world: World) -> None:
    good = npi("123400099")
    bad = good[:9] + str((int(good[9]) + 1) % 10)
    with pytest.raises(ValidationError) as err:
        RenderingProvider.objects.create(
            practice=world.home.practice,
            first_name="A",
            last_name="B",
            npi=bad,
            taxonomy="207Q00000X",
        )
    assert err.value.message_dict["npi"] == [
        f"NPI {bad} fails its check digit (expected {good[9]})"
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("npi", "12345", "NPI '12345' must be exactly 10 digits"),
        ("tin", "12-3456789", "Tax ID '12-3456789' must be 9 digits without a dash (EIN)"),
        ("zip_code", "97201", "ZIP '97201' must be ZIP+4 (9 digits, e.g. 12345-6789)"),
        (
            "taxonomy",
            "207Q0000",
            "taxonomy '207Q0000' must be 10 characters ending in X (NUCC code)",
        ),
    ],
)
def test_it_names_what_is_wrong_with_a_practice(
    world: World, field: str, value: str, message: str
) -> None:
    practice = Practice.objects.get(pk=world.home.practice.pk)
    setattr(practice, field, value)
    with pytest.raises(ValidationError) as err:
        practice.save()
    assert message in err.value.message_dict[field]
