"""``/api/practices``: the practices the caller works at."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, member_practice_ids

router = Router(tags=["practices"])


class ProviderOut(Schema):
    id: int
    first_name: str
    last_name: str
    credential: str
    npi: str
    taxonomy: str


class LocationOut(Schema):
    id: int
    name: str
    place_of_service: str
    city: str
    state: str
    zip_code: str


class PracticeOut(Schema):
    id: int
    name: str
    legal_name: str
    npi: str
    tin: str
    taxonomy: str
    address_line1: str
    address_line2: str
    city: str
    state: str
    zip_code: str


class PracticeDetailOut(PracticeOut):
    providers: list[ProviderOut]
    locations: list[LocationOut]

    @staticmethod
    def resolve_providers(obj: Practice) -> list[RenderingProvider]:
        return list(obj.providers.all())

    @staticmethod
    def resolve_locations(obj: Practice) -> list[ServiceLocation]:
        return list(obj.locations.all())


@router.get("", response=list[PracticeOut], url_name="practice_list")
def practice_list(request: HttpRequest) -> list[Practice]:
    """Every signed-in member sees the practices where they hold a role."""
    return list(Practice.objects.filter(pk__in=member_practice_ids(request.auth)))  # type: ignore[attr-defined]


@router.get("/{pk}", response=PracticeDetailOut, url_name="practice_detail")
@api_requires("practices.manage")
def practice_detail(request: HttpRequest, pk: int) -> Practice:
    return get_scoped_or_404(Practice, request.auth, "practices.manage", pk=pk)  # type: ignore[attr-defined]
