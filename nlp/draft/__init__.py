"""Drafting next year's plan from a template and keywords, grounded in an analyzed archive.

`nlp.draft(...)` is the function `nlp.draft.build.draft`; once a submodule such as
`nlp.draft.model` is imported, Python binds the package itself to `nlp.draft`, so the package
module is made callable too and both spellings draft.
"""

import sys
import types

from .._lazy import lazy_exports

_EXPORTS = {"draft": "build", "Draft": "model", "DraftSection": "model", "Sentence": "model",
            "TemplateRefused": "spec", "DraftError": "build", "builtin_templates": "spec"}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from .build import draft

        return draft(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
