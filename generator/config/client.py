"""``client_settings.opts``: the values the SDK's client sends with every request (an API key in a header or
the query), read from the config so that no method's params carry them again.

The commercial format declares a client option as ``{type: string, read_env: ..., auth: {security_scheme: S},
send_as_query_param: key}`` (OneBusAway's ``api_key``), or ``send_as_header: X-Api-Key``. A spec that also lists
that parameter on its operations (many do, beside the security scheme) gets no params field for it: the client
option is the one argument, as in the SDKs. ``auth.security_scheme`` names an ``apiKey`` security scheme whose
``in``/``name`` say the same (resolved against the spec by the builder)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.load.schema import child

JSON = Any
Warn = Callable[[str, str, str], None]


@dataclass(frozen=True)
class ClientParams:
    sent: tuple[tuple[str, str], ...] = ()  # (location, name): ("query", "key"), ("header", "x-api-key")
    schemes: tuple[str, ...] = ()  # security schemes the client authenticates with


def read_client_params(value: JSON, warn: Warn) -> ClientParams:
    settings = value if isinstance(value, Mapping) else {}
    opts = settings.get("opts")
    if opts is None:
        return ClientParams()
    if not isinstance(opts, Mapping):
        warn("config-type", "client_settings.opts must be a mapping of option name to option (ignored)",
             "#/client_settings/opts")
        return ClientParams()
    sent: list[tuple[str, str]] = []
    schemes: list[str] = []
    for name, opt in opts.items():
        if not isinstance(opt, Mapping):
            continue
        pointer = child("#/client_settings/opts", str(name))
        for key, location in (("send_as_query_param", "query"), ("send_as_header", "header"),
                              ("send_in_header", "header")):
            target = opt.get(key)
            if isinstance(target, str) and target:
                sent.append((location, target.lower() if location == "header" else target))
            elif target is not None:
                warn("config-type", f"client_settings.opts.{name}.{key} must be a name (ignored)", child(pointer, key))
        auth = opt.get("auth")
        scheme = auth.get("security_scheme") if isinstance(auth, Mapping) else None
        if isinstance(scheme, str) and scheme:
            schemes.append(scheme)
    return ClientParams(tuple(sent), tuple(schemes))


def client_sent(client: ClientParams, spec: JSON) -> frozenset[tuple[str, str]]:
    """The (location, name) pairs the client sends itself: the options' own, and those of the ``apiKey`` security
    schemes the options authenticate with (header names in lower case: HTTP header names are case-insensitive)."""
    out = set(client.sent)
    components = spec.get("components") if isinstance(spec, Mapping) else None
    schemes = components.get("securitySchemes") if isinstance(components, Mapping) else None
    for name in client.schemes:
        scheme = schemes.get(name) if isinstance(schemes, Mapping) else None
        if isinstance(scheme, Mapping) and scheme.get("type") == "apiKey" and isinstance(scheme.get("name"), str) \
                and scheme.get("in") in ("query", "header"):
            out.add((scheme["in"], scheme["name"].lower() if scheme["in"] == "header" else scheme["name"]))
    return frozenset(out)
