from __future__ import annotations

from django.utils import translation

from ardesk.accounts.selectors import user_language


class UserLanguageMiddleware:
    """Speak the language the signed-in user chose, whatever the browser asks for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            language = user_language(request.user)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
