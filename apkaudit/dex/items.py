"""The records a DEX file is read into: method and field references, classes, methods, code items, instructions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class MethodRef:
    """A ``method_id_item`` resolved to strings."""

    class_name: str
    """Type descriptor of the defining class, e.g. ``Landroid/content/ContentResolver;``."""
    name: str
    proto: str
    """Method descriptor, e.g. ``(Ljava/lang/String;I)V``."""

    @property
    def signature(self) -> str:
        """``Lpkg/Cls;->name(Ljava/lang/String;I)V``."""
        return f"{self.class_name}->{self.name}{self.proto}"


@dataclass(frozen=True, slots=True)
class FieldRef:
    """A ``field_id_item`` resolved to strings."""

    class_name: str
    name: str
    type: str

    @property
    def signature(self) -> str:
        """``Lpkg/Cls;->NAME:Ltype;``."""
        return f"{self.class_name}->{self.name}:{self.type}"


@dataclass(frozen=True, slots=True)
class ClassDef:
    """A ``class_def_item`` with its type names resolved."""

    index: int
    """Position in ``class_defs``."""
    type_idx: int
    name: str
    access_flags: int
    superclass: str | None
    interfaces: tuple[str, ...]
    class_data_off: int


@dataclass(frozen=True, slots=True)
class EncodedMethod:
    """A method defined by a class (one ``encoded_method`` of its ``class_data_item``)."""

    method_idx: int
    access_flags: int
    code_off: int
    """Offset of the ``code_item``; 0 for abstract and native methods."""
    class_index: int
    """Index into ``class_defs`` of the defining class."""


@dataclass(frozen=True, slots=True)
class CodeItem:
    """The fixed header of a ``code_item``."""

    offset: int
    registers_size: int
    ins_size: int
    outs_size: int
    tries_size: int
    debug_info_off: int
    insns_size: int
    """Size of the instruction array in 16-bit code units."""


@dataclass(frozen=True, slots=True)
class Insn:
    """One decoded instruction.

    ``kind`` is ``'method'``, ``'field'``, ``'string'``, ``'type'``,
    ``'call_site'``, ``'method_handle'`` (const-method-handle), ``'proto'``
    (const-method-type) or ``None``; ``index`` is the referenced table index.
    Payload pseudo-instructions report ``opcode`` 0x0100 (packed-switch),
    0x0200 (sparse-switch) or 0x0300 (fill-array-data).
    """

    offset: int
    """Offset in 16-bit code units from the start of the method's ``insns``."""
    opcode: int
    kind: str | None
    index: int | None
    args: tuple[int, ...] = field(default=())
    """Argument registers of invoke-*, invoke-custom*, filled-new-array* (empty otherwise)."""
    proto: int | None = None
    """Proto index of invoke-polymorphic(/range)."""
    size: int = 0
    """Length in 16-bit code units (for payloads, the whole payload)."""
