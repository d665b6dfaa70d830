"""The expression language of calculated attributes (AttributeDetails.Expression) and
the attribute lookup it reads objects with.

[BC] AttributeDetails.Expression: "Mathematical expression that is performed on
attribute items provided in the attribute list. Each element in the expression should
follow the structure of {ObjectTypeName.AttributeName}"; [AG-CA-API]: "We only support
the following mathematical operations: + - * /".

Choices where AWS is silent: numbers, parentheses and unary signs are allowed; + - * /
with the usual precedence, left to right; arithmetic is binary floating point. An
operand is a number or an ISO 8601 timestamp as epoch milliseconds (so
``{CTR.disconnectTimestamp} - {CTR.initiationTimestamp}`` works); anything else (text,
booleans, a missing attribute, a number a double cannot hold, division by zero, a result
that overflows) makes the expression undefined (None) for that object. A bare reference
yields the attribute's own value (text stays text, a number keeps its written text).
Attribute lookup: an object type field of that name first, then the JSON content by
dotted path (``a.b`` is content["a"]["b"]), then a content key spelled with the dots.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, Protocol, TypeAlias

from ..exceptions import BadRequestException
from ..resources.values import path_value, to_number

if TYPE_CHECKING:  # what the calculation reads; no cost at run time

    class ObjectLike(Protocol):
        """What the calculation reads of an object: a SourceObject or a stored object."""

        @property
        def object_type_name(self) -> str: ...

        @property
        def content(self) -> Mapping[str, Any]: ...

        @property
        def ingested_at(self) -> datetime: ...

        @property
        def fields(self) -> Mapping[str, Any]: ...


def lookup(obj: ObjectLike, name: str) -> Any:
    """The value of attribute ``name``: a field of the object type, else the content by
    dotted path, else a content key spelled with the dots."""
    if name in obj.fields:
        return obj.fields[name]
    value = path_value(obj.content, name)
    if value is None and name in obj.content:
        value = obj.content[name]
    return value


def _finite(number: float) -> float | None:
    return number if math.isfinite(number) else None


class Reference(NamedTuple):
    object_type_name: str
    attribute_name: str


class _Number:
    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value


class _Negate:
    __slots__ = ("operand",)

    def __init__(self, operand: _Node) -> None:
        self.operand = operand


class _Binary:
    __slots__ = ("operator", "left", "right")

    def __init__(self, operator: str, left: _Node, right: _Node) -> None:
        self.operator = operator
        self.left = left
        self.right = right


_Node: TypeAlias = "Reference | _Number | _Negate | _Binary"

_TOKEN = re.compile(r"\s*(?:(\{[^{}]*\})|(\d+(?:\.\d*)?|\.\d+)|([-+*/()]))")


def parse_reference(text: str, what: str) -> Reference:
    """``{ObjectTypeName.AttributeName}``; the attribute name may hold further dots."""
    inner = text[1:-1] if text.startswith("{") and text.endswith("}") else ""
    type_name, _, attribute = inner.strip().partition(".")
    if not type_name or not attribute:
        # [BC] AttributeDetails.Expression: "Each element in the expression should follow
        # the structure of {ObjectTypeName.AttributeName}"; Range.TimestampSource: "should
        # follow the structure of {ObjectTypeName.<Location of timestamp field ...>}".
        raise BadRequestException(
            f"{what} element {text} must have the form ObjectTypeName.AttributeName, in braces"
        )
    return Reference(type_name, attribute)


class Expression:
    """An AttributeDetails.Expression: references, numbers, + - * / and parentheses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens = self._tokenize(text)
        self._position = 0
        self.root = self._sum()
        if self._position != len(self._tokens):
            self._fail(f"unexpected '{self._tokens[self._position]}'")
        self.references: tuple[Reference, ...] = tuple(self._walk(self.root))

    @classmethod
    def from_attribute_details(cls, attribute_details: Mapping[str, Any]) -> Expression:
        return cls(str(attribute_details.get("Expression", "")))

    def object_types(self) -> set[str]:
        return {ref.object_type_name for ref in self.references}

    def attribute_names(self) -> set[str]:
        return {ref.attribute_name for ref in self.references}

    def evaluate(self, obj: ObjectLike) -> Any:
        """The raw value of a bare reference, else a number; None when undefined."""
        if isinstance(self.root, Reference):
            value = lookup(obj, self.root.attribute_name)
            if isinstance(value, (str, bool)):
                return value
            if isinstance(value, (int, float)):
                return value if to_number(value) is not None else None
            return None
        return self._number(self.root, obj)

    # -- parsing

    def _fail(self, problem: str) -> NoReturn:
        # [BC] AttributeDetails.Expression: a "Mathematical expression"; [AG-CA-API]: "We
        # only support the following mathematical operations: + - * /".
        raise BadRequestException(
            f"Expression {self.text} is not a valid mathematical expression: {problem}"
        )

    def _tokenize(self, text: str) -> list[str]:
        tokens: list[str] = []
        position = 0
        while position < len(text):
            if text[position:].strip() == "":
                break
            match = _TOKEN.match(text, position)
            if match is None:
                rest = text[position:].strip()
                self._fail(f"unsupported '{rest[0]}' (only + - * / are supported)")
            token = next(group for group in match.groups() if group is not None)
            tokens.append(token)
            position = match.end()
        return tokens

    def _peek(self) -> str | None:
        if self._position < len(self._tokens):
            return self._tokens[self._position]
        return None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            self._fail("it ends too early")
        self._position += 1
        return token

    def _sum(self) -> _Node:
        node = self._product()
        while self._peek() in ("+", "-"):
            operator = self._take()
            node = _Binary(operator, node, self._product())
        return node

    def _product(self) -> _Node:
        node = self._factor()
        while self._peek() in ("*", "/"):
            operator = self._take()
            node = _Binary(operator, node, self._factor())
        return node

    def _factor(self) -> _Node:
        token = self._take()
        if token == "-":
            return _Negate(self._factor())
        if token == "+":
            return self._factor()
        if token == "(":
            node = self._sum()
            if self._take() != ")":
                self._fail("a '(' is not closed")
            return node
        if token.startswith("{"):
            return parse_reference(token, "Expression")
        if token[0].isdigit() or token[0] == ".":
            return _Number(float(token))
        self._fail(f"unexpected '{token}'")

    @staticmethod
    def _walk(node: _Node) -> Iterable[Reference]:
        if isinstance(node, Reference):
            yield node
        elif isinstance(node, _Negate):
            yield from Expression._walk(node.operand)
        elif isinstance(node, _Binary):
            yield from Expression._walk(node.left)
            yield from Expression._walk(node.right)

    # -- evaluation

    def _number(self, node: _Node, obj: ObjectLike) -> float | None:
        if isinstance(node, _Number):
            return node.value
        if isinstance(node, Reference):
            return to_number(lookup(obj, node.attribute_name))
        if isinstance(node, _Negate):
            operand = self._number(node.operand, obj)
            return None if operand is None else -operand
        left, right = self._number(node.left, obj), self._number(node.right, obj)
        if left is None or right is None:
            return None
        if node.operator == "+":
            return _finite(left + right)
        if node.operator == "-":
            return _finite(left - right)
        if node.operator == "*":
            return _finite(left * right)
        return None if right == 0 else _finite(left / right)
