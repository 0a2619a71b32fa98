"""YAML loading that remembers line numbers, so errors can name them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RuleFileError

LINE_KEY = "__line__"


_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it: the shipped rule files
are read on every audit, and the pure-Python scanner was most of that cost.
Only a file that loads cleanly is taken from it; any error is worded by the
pure-Python parser (:func:`_load_checked`), whose messages the errors quote."""


class _LineLoader(yaml.SafeLoader):
    pass


class _FastLineLoader(_FAST_LOADER):  # type: ignore[misc,valid-type]
    pass


class LineList(list[Any]):
    """A YAML sequence that remembers the line it starts on: a list of
    patterns has no mapping of its own to carry LINE_KEY."""

    line: int = 1


def line_of(value: Any, default: int = 1) -> int:
    """The line a loaded mapping or sequence starts on; ``default`` for a scalar."""
    if isinstance(value, dict):
        return int(value.get(LINE_KEY, default))
    return value.line if isinstance(value, LineList) else default


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    seq = LineList(loader.construct_sequence(node, deep=True))
    seq.line = node.start_mark.line + 1
    return seq


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


MAX_DEPTH = 40
"""Nesting a rule file may use (the shipped ones use 5); deeper nesting
would end in a RecursionError inside the YAML composer."""
MAX_NODES = 200_000
"""Values a rule file may expand to, aliases counted at their full size: a
"billion laughs" file of a few lines expands to 10^9."""
MAX_SCALAR = 10_000
"""Characters in one value (a pattern or a message is a line or two)."""


def _check_shape(path: Path, text: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> None:
    """Refuse deep nesting, alias bombs and overlong values from the event
    stream, before anything is built from it."""
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, nodes inside] per open collection
    total = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1
        size = 0
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 1])
            if len(stack) > MAX_DEPTH:
                raise RuleFileError(f"{path}:{line}: nested more than {MAX_DEPTH} levels deep.")
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor:
                sizes[anchor] = size
        elif isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_SCALAR:
                raise RuleFileError(f"{path}:{line}: a value longer than {MAX_SCALAR} characters.")
            size = 1
            total += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)
            total += size
        if stack:
            stack[-1][1] += size
        if total > MAX_NODES:
            raise RuleFileError(f"{path}:{line}: expands to more than {MAX_NODES} values (aliases inside aliases).")


def load_yaml(path: Path) -> Any:
    """The file as Python values, mappings carrying their line under LINE_KEY
    and sequences as a LineList.

    Every problem is a RuleFileError naming the file and, where there is
    one, the line: unreadable, not UTF-8, invalid YAML, too deep or too big.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read rule file ({exc.strerror}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RuleFileError(f"{path}:{line}: not UTF-8 text; save the rule file as UTF-8.") from None
    if _FAST_LOADER is not yaml.SafeLoader:
        try:
            _check_shape(path, text, _FAST_LOADER)
            return yaml.load(text, Loader=_FastLineLoader)
        except (yaml.YAMLError, RuleFileError):
            pass  # worded below, by the parser the messages come from
    return _load_checked(path, text)


def _load_checked(path: Path, text: str) -> Any:
    """``text`` loaded by the pure-Python parser, every problem a RuleFileError."""
    try:
        _check_shape(path, text)
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleFileError(f"{where}: invalid YAML: {exc.problem}.") from None
    except yaml.reader.ReaderError as exc:
        # A control character: PyYAML gives a character position, not a mark.
        line = text[: exc.position].count("\n") + 1
        raise RuleFileError(f"{path}:{line}: invalid YAML: character #x{exc.character:04x} is not allowed.") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: invalid YAML: {' '.join(str(exc).split())}.") from None
