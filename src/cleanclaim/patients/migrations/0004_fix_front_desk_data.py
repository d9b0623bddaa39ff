"""Data fixes for the front-desk rules (issue 15):

- a policy whose patient is not the subscriber now needs the subscriber's address:
  rows without one get the patient's (the subscriber most often lives with them; the
  desk corrects it at the next check-in);
- a patient phone that is not a valid 10-digit NANP number is cleared (the field is
  optional; a wrong number is worse than none).
"""

from django.db import migrations

from cleanclaim.practices.validators import phone_validator


def fix(apps, schema_editor):  # type: ignore[no-untyped-def]
    from django.core.exceptions import ValidationError

    Coverage = apps.get_model("patients", "Coverage")
    Patient = apps.get_model("patients", "Patient")
    for coverage in (
        Coverage.objects.exclude(relationship="18")
        .filter(subscriber_address_line1="")
        .select_related("patient")
    ):
        p = coverage.patient
        Coverage.objects.filter(pk=coverage.pk).update(
            subscriber_address_line1=p.address_line1,
            subscriber_city=p.city,
            subscriber_state=p.state,
            subscriber_zip_code=p.zip_code,
        )
    for pk, phone in Patient.objects.exclude(phone="").values_list("pk", "phone"):
        try:
            phone_validator(phone)
        except ValidationError:
            Patient.objects.filter(pk=pk).update(phone="")


class Migration(migrations.Migration):
    dependencies = [("patients", "0003_front_desk_fields")]
    operations = [migrations.RunPython(fix, migrations.RunPython.noop)]
