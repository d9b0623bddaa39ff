from django.urls import path

from cleanclaim.claims import views, worklist_views

app_name = "claims"
urlpatterns = [
    path("patients/<int:pk>/visits/new/", views.encounter_new, name="encounter_new"),
    path("visits/<int:pk>/", views.encounter_detail, name="encounter_detail"),
    path("visits/<int:pk>/code/", views.encounter_code, name="encounter_code"),
    path("visits/<int:pk>/code/check/", views.encounter_code_check, name="encounter_code_check"),
    path("visits/<int:pk>/claim/", views.encounter_claim, name="encounter_claim"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/queue/", views.claim_queue, name="claim_queue"),
    path("claims/<int:pk>/hold/", views.claim_hold, name="claim_hold"),
    path("claims/<int:pk>/status/", views.claim_status, name="claim_status"),
    path("claims/<int:pk>/void/", views.claim_void, name="claim_void"),
    path("claims/<int:pk>/837p/", views.claim_837p, name="claim_837p"),
    path("claims/<int:pk>/cms1500.pdf", views.claim_cms1500, name="claim_cms1500"),
    path("visits/to-code/", worklist_views.visits_to_code, name="visits_to_code"),
    path("claims/lists/ready/cms1500.pdf", worklist_views.print_paper, name="print_paper"),
    path("claims/lists/<slug:slug>/", worklist_views.claim_list, name="worklist"),
]
