"""openapi-typegen: SDK-style typed request-parameter modules from OpenAPI specs."""

__version__ = "0.1.0"
