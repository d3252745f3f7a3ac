"""The work one module's types may take: a bound on schema-to-type conversions, so that a spec that copies the
same schemas into every path fails fast with a diagnostic instead of running for hours."""

from __future__ import annotations

from generator.diagnostics import Diagnostics

MAX_CONVERSIONS = 50_000
"""The most schema-to-type conversions for one module. Measured: the largest module of the OpenAI APIs takes 4,163
(vector_stores/file_batch_list_files_response.py from the public spec), of Llama Stack 646, and xero's
invoice_create_params.py 7,917 with a config that names no models (a 46,000-line module). A spec whose schemas
refer to the same schema over and over inlines a copy per path (``O0`` with six properties ``$ref O1``, ``O1``
with six ``$ref O2``, ... is 6^12 classes): it stops here, after a few seconds, with an error."""


class ConversionBudget:
    """Counts the conversions of the module being built (:meth:`reset` at each module)."""

    def __init__(self, limit: int = MAX_CONVERSIONS) -> None:
        self.limit, self.spent = limit, 0

    def reset(self) -> None:
        self.spent = 0

    def spend(self, diags: Diagnostics, file: str, pointer: str) -> bool:
        """One more conversion; False once the budget is spent (the first time with ``error[schema-too-large]``)."""
        self.spent += 1
        if self.spent <= self.limit:
            return True
        if self.spent == self.limit + 1:
            diags.error("schema-too-large", f"the schemas reached from here expand to more than {self.limit:,} inline "
                        "types (schemas referenced over and over are copied into every path); name the repeated "
                        "schemas as models in the config", file=file, pointer=pointer)
        return False
