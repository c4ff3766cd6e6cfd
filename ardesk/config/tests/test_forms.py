"""Every form of every app: choice lists a finance user can read."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms

import ardesk


def _form_classes():
    """Every form class of every app's forms module."""
    for info in pkgutil.iter_modules(ardesk.__path__):
        try:
            module = importlib.import_module(f"ardesk.{info.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def test_no_choice_list_offers_django_s_dashes_as_its_empty_choice():
    # "---------" means nothing to a finance user: an empty choice reads "—", or "全部" on a filter.
    dashes = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------"
    ]
    assert len(list(_form_classes())) > 20
    assert dashes == []
