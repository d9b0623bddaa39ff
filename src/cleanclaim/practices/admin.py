from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from cleanclaim.practices.models import (
    Membership,
    Organisation,
    Practice,
    RenderingProvider,
    ServiceLocation,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "is_active", "is_staff"]
    list_filter = ["organisation", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password", "full_name", "organisation")}),
        ("Status", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "full_name", "organisation", "password1", "password2")}),
    )
    filter_horizontal = ()
    inlines = [MembershipInline]


class ProviderInline(admin.TabularInline):
    model = RenderingProvider
    extra = 0


class LocationInline(admin.TabularInline):
    model = ServiceLocation
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "npi", "tin"]
    list_filter = ["organisation"]
    inlines = [ProviderInline, LocationInline]
