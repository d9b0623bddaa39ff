"""The shared NPI validator: 10 digits, Luhn over 80840 + the first nine."""

import pytest

from cleanclaim.npi import NPIError, check_digit, is_valid_npi, validate_npi


def test_it_accepts_the_cms_example_npi() -> None:
    # CMS "NPI check digit" example: 123456789 -> check digit 3.
    assert check_digit("123456789") == 3
    assert validate_npi(" 1234567893 ") == "1234567893"


@pytest.mark.parametrize("bad", ["1234567890", "123456789", "12345678931", "12345A7893", ""])
def test_it_rejects_bad_npis_with_a_reason(bad: str) -> None:
    assert not is_valid_npi(bad)
    with pytest.raises(NPIError, match="NPI"):
        validate_npi(bad)


def test_every_wrong_check_digit_is_caught() -> None:
    for d in range(10):
        assert is_valid_npi(f"123456789{d}") is (d == 3)


def test_the_fast_verdict_is_the_validators_on_every_shape() -> None:
    # is_valid_npi reads the Luhn sum straight off the digits; validate_npi computes the
    # check digit: the two must agree on valid, mistyped and malformed values alike.
    import random

    rng = random.Random(40)
    values = [" 1234567893 ", "1234567893\n", "", " ", "١٢٣٤٥٦٧٨٩٣", "123456789 3"]
    for _ in range(20_000):
        nine = "".join(rng.choice("0123456789") for _ in range(9))
        values.append(nine + str(check_digit(nine)))
        values.append(nine + rng.choice("0123456789"))
    for _ in range(2_000):
        values.append("".join(rng.choice("0123456789 -A") for _ in range(rng.randint(8, 12))))
    for v in values:
        try:
            validate_npi(v)
            expected = True
        except NPIError:
            expected = False
        assert is_valid_npi(v) is expected, repr(v)
    assert sum(is_valid_npi(v) for v in values) > 20_000
