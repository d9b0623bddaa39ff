from django.contrib import admin

from cleanclaim.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "name", "user", "created", "last_used", "revoked"]
    readonly_fields = ["prefix", "token_digest", "created", "last_used"]
    list_filter = ["revoked"]
