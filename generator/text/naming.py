"""Naming rules shared by the builder and the placement of modules: case conversion and singularisation.

All results pass through :mod:`generator.text.escape` so they are ASCII-safe identifiers / module names.
"""

from __future__ import annotations

import functools
import re

from generator.text import escape

# Irregular plurals (plural → singular), checked before the suffix rules. Most are words whose regular suffix rule
# would go wrong: "-is" / "-us" plurals (``apis``, ``menus``), "-ies" plurals of "-ie" words, "-ves", "-ches"
# plurals of "-che" words, Latin/Greek plurals.
_IRREGULAR = {
    "children": "child", "people": "person", "men": "man", "women": "woman", "mice": "mouse", "feet": "foot",
    "teeth": "tooth", "geese": "goose",
    "indices": "index", "matrices": "matrix", "vertices": "vertex", "appendices": "appendix",
    "criteria": "criterion", "phenomena": "phenomenon",
    "analyses": "analysis", "diagnoses": "diagnosis", "hypotheses": "hypothesis", "theses": "thesis",
    "crises": "crisis", "axes": "axis", "synopses": "synopsis", "parentheses": "parenthesis",
    "aliases": "alias", "biases": "bias", "canvases": "canvas", "atlases": "atlas", "gases": "gas",
    "lenses": "lens",
    "apis": "api", "uris": "uri", "emojis": "emoji", "kpis": "kpi", "wikis": "wiki", "taxis": "taxi",
    "skis": "ski", "guis": "gui",
    "menus": "menu", "emus": "emu", "gurus": "guru", "haikus": "haiku", "cpus": "cpu", "gpus": "gpu",
    "tpus": "tpu", "skus": "sku",
    "movies": "movie", "cookies": "cookie", "zombies": "zombie", "selfies": "selfie", "rookies": "rookie",
    "calories": "calorie", "genies": "genie", "smoothies": "smoothie", "freebies": "freebie",
    "goalies": "goalie", "prairies": "prairie", "hippies": "hippie",
    "leaves": "leaf", "halves": "half", "lives": "life", "knives": "knife", "wives": "wife", "wolves": "wolf",
    "shelves": "shelf", "thieves": "thief", "selves": "self", "calves": "calf", "loaves": "loaf",
    "scarves": "scarf",
    "excuses": "excuse", "fuses": "fuse", "muses": "muse", "caches": "cache", "niches": "niche",
    "avalanches": "avalanche", "headaches": "headache",
    "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto",
}
# Words that are not plurals although they end in "s", or that are the same in both numbers.
_INVARIANT = frozenset(
    {
        "news", "series", "species", "data", "metadata", "media", "always", "perhaps", "whereas", "towards",
        "afterwards", "besides", "unless", "thus", "yes", "its", "has", "was", "does", "this", "his", "plus",
        "minus", "nexus", "lens", "bias", "alias", "canvas", "atlas", "gas", "chaos", "kudos", "ethos", "cosmos",
        "ios", "macos", "os", "dns", "sms", "mms", "tls", "cors", "aws", "gcs", "https", "kubernetes", "diabetes",
        "analytics", "physics", "mathematics", "economics", "ethics", "politics", "athletics", "gymnastics",
        "linguistics", "logistics", "electronics", "robotics", "genetics", "acoustics", "optics", "semantics",
    }
)
# Endings of words that are (almost always) not plurals: "class", "status", "analysis", "various".
_NOT_PLURAL = re.compile(r"(ss|us|is|ous)$")
# "-es" plurals: the "es" is dropped (``batches``, ``boxes``, ``addresses``, ``statuses``).
_ES_PLURAL = re.compile(r"(ch|sh|x|zz|ss|[^aeiou]us)es$")


def singular(word: str) -> str:
    """The singular of one English word (``batches`` → ``batch``, ``policies`` → ``policy``, ``api_keys``' last
    word ``keys`` → ``key``). Rules in order: irregular plurals, invariant words, endings that are not plurals,
    ``-ies`` → ``-y``, ``-es`` after a sibilant, then a final ``s`` is dropped. The case of the first letter is
    kept for irregular forms."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _match_case(word, _IRREGULAR[lower])
    if lower in _INVARIANT or _NOT_PLURAL.search(lower):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if _ES_PLURAL.search(lower):
        return word[:-2]
    if lower.endswith("s") and len(lower) > 1:
        return word[:-1]
    return word


def _match_case(word: str, result: str) -> str:
    if word.isupper() and len(word) > 1:
        return result.upper()
    if word[:1].isupper():
        return result[:1].upper() + result[1:]
    return result


def singular_name(name: str) -> str:
    """Singularise the last word of a snake_case name (``vector_stores`` → ``vector_store``)."""
    head, sep, last = name.rpartition("_")
    return head + sep + singular(last)


# Words written in capitals inside class names. Evidence (openai/sdk-map.yaml and the SDK's inline classes):
# ``AdminAPIKeyCreateParams``, ``ImageURL``, ``ResponseFormatJSONObject``, ``CreateEvalJSONLRunDataSourceParam``;
# while ``mcp`` stays ``Mcp`` (``ToolChoiceMcpParam``), so this is a closed list, not "every short word". ``AI``:
# the Llama Stack SDK keeps it in every name made from its schema names (``OpenAIResponseMessageInput``, 1362
# class names) while it capitalises the other all-capital words (``LLMAsJudgeScoringFnParams`` →
# ``LlmAsJudgeScoringFnParams``, ``URIDataSource`` → ``UriDataSource``); ``OAuth`` is two words, ``O`` + ``Auth``.
# (Llama Stack also writes ``OpenAIResponseFormatJsonSchema`` where the OpenAI SDK has ``JSONObject`` /
# ``JSONSchema``; ``json`` stays in the list: the OpenAI names are the ones to keep.) ``IP``, ``PCM``, ``PCMA``,
# ``PCMU``: the OpenAI SDK's response models (``AudioPCM``, ``RealtimeAudioFormatsAudioPCMA``).
INITIALISMS = frozenset({"api", "url", "json", "jsonl", "id", "http", "ai", "ip", "pcm", "pcma", "pcmu"})
# Words with an inner capital (STYLE-RESPONSES R4.2: ``ChatKitThread``, ``OAuthErrorCode``, ``WebSocket...``;
# llama-stack-client ``OpenAICursorPageParams`` for the page scheme ``openai_cursor_page``, pagination.ts:80).
SPELLED = {"chatkit": "ChatKit", "oauth": "OAuth", "websocket": "WebSocket", "openai": "OpenAI"}


def pascal_word(word: str, *, keep_capitalised: bool = False) -> str:
    """One word of a class name: an initialism in capitals (its plural too: ``ids`` → ``IDs``, as in
    OneBusAway's ``RouteIDsForAgencyListResponse``), a word of :data:`SPELLED` as spelled, another all-capital
    word capitalised (``LLM`` → ``Llm``), else its first letter capitalised (a single capital stays:
    ``TopPSamplingStrategy``). With ``keep_capitalised`` an initialism already written capitalised stays so
    (see :func:`pascal`)."""
    lower = word.lower()
    if lower in INITIALISMS and not (keep_capitalised and len(word) > 1 and word[0].isupper() and word[1:].islower()):
        return word.upper()
    if lower.endswith("s") and lower[:-1] in INITIALISMS:
        return lower[:-1].upper() + "s"
    return SPELLED.get(lower) or word[:1].upper() + (word[1:].lower() if word.isupper() else word[1:])


@functools.lru_cache(maxsize=1 << 16)  # pure; a run asks for the same names many times
def pascal(text: str) -> str:
    """PascalCase from any text: words are split on non-alphanumerics and camelCase boundaries and written by
    :func:`pascal_word`. A text that is already one PascalCase identifier (a schema name) keeps the spelling of
    its capitalised initialisms: Llama Stack's schema ``JsonType`` is the variant ``JsonType`` in
    shared/param_type.py, while camelCase and snake_case words and titles take the table (OneBusAway
    ``nearbyStopIds`` → ``...NearbyStopID``, OpenAI ``url_citation`` → ``AnnotationURLCitation``, a title
    ``By Id`` → ``ByID``)."""
    keep = text[:1].isupper() and text.isalnum() and text.isascii()
    return "".join(pascal_word(w, keep_capitalised=keep) for w in escape.ascii_words(text))


def singular_last_word(segment: str) -> str:
    """Singularise the last word of a name segment, keeping the spelling of the others: a snake_case property
    name (``tool_calls`` → ``tool_call``) or a variant's PascalCase name, whose inner capitals survive
    (``ListOpenAIResponseInputItems`` → ``ListOpenAIResponseInputItem``, not ``ListOpenAiResponse...``)."""
    if segment == segment.lower():
        return singular_name(snake(segment) or segment)
    words = escape.ascii_words(segment)
    return "".join(words[:-1]) + singular(words[-1]) if words else segment


@functools.lru_cache(maxsize=1 << 16)  # pure; a run asks for the same names many times
def snake(text: str) -> str:
    """lower snake_case from any text (``listPetsByOwner`` → ``list_pets_by_owner``)."""
    return "_".join(w.lower() for w in escape.ascii_words(text))


def class_name(text: str, *, fallback: str = "Model") -> str:
    """A safe PascalCase class name."""
    return escape.identifier(pascal(text), fallback=fallback)
