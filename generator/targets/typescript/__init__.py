"""The TypeScript target: the request-params declarations of an openai-node style SDK (TS-STYLE.md)."""
