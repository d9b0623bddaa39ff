"""Payer pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cleanclaim.payers.models import Payer
from cleanclaim.practices.decorators import requires
from cleanclaim.practices.scoping import get_scoped_or_404, scoped


@requires("payers.view")
def payer_list(request: HttpRequest) -> HttpResponse:
    payers = scoped(Payer, request.user, "payers.view")
    return render(request, "payers/list.html", {"payers": payers})


@requires("payers.view")
def payer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    payer = get_scoped_or_404(Payer, request.user, "payers.view", pk=pk)
    return render(request, "payers/detail.html", {"payer": payer})
