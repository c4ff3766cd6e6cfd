"""The help, the user guide, onboarding and training (PRODUCT.md §17)."""

app_name = "guide"

urlpatterns: list = []
