"""Two x64 system DLLs that Windows 10 has and Wine 8.0 lacks, written byte by byte (no toolchain needed).

icuuc.dll: Windows 10 1703+ ships ICU in System32. Qt 6.11's Qt6Core.dll imports 20 ucnv_* functions from it
(QStringConverter's codecs beyond UTF and Latin-1); without the DLL no Qt module loads under Wine. This stub
exports the same names; ucnv_open and ucnv_getStandardName report U_FILE_ACCESS_ERROR and return NULL, so Qt
treats every ICU codec as unavailable (Kuaida uses no Qt codec: it decodes with Python's codecs); every other
function returns 0 and is never reached without a converter.

bcryptprimitives.dll: Rust's standard library (1.78+) seeds its hash maps with ProcessPrng from it; the Rust
extensions cryptography and python-calamine import it. Here ProcessPrng is a forwarder to
advapi32.SystemFunction036 (RtlGenRandom), which Wine implements: the same (buffer, length) call.

    python3 stub_dlls.py SYSTEM32 [Qt6Core.dll]   # with Qt6Core.dll: icuuc exports exactly what it imports
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

# What Qt 6.11.3's Qt6Core.dll imports from icuuc.dll.
DEFAULT_NAMES = [
    "UCNV_FROM_U_CALLBACK_SUBSTITUTE", "UCNV_TO_U_CALLBACK_SUBSTITUTE", "ucnv_cbFromUWriteUChars",
    "ucnv_cbToUWriteUChars", "ucnv_close", "ucnv_countAvailable", "ucnv_fromUCountPending", "ucnv_fromUnicode",
    "ucnv_getAvailableName", "ucnv_getFromUCallBack", "ucnv_getMaxCharSize", "ucnv_getName",
    "ucnv_getStandardName", "ucnv_getToUCallBack", "ucnv_open", "ucnv_reset", "ucnv_setFromUCallBack",
    "ucnv_setToUCallBack", "ucnv_toUCountPending", "ucnv_toUnicode",
]
U_FILE_ACCESS_ERROR = 4
# x64 code. Windows ABI: arguments in rcx, rdx, r8, r9; result in rax.
RETURN_ZERO = bytes.fromhex("31C0C3")  # xor eax,eax; ret
# if (rdx) *(int*)rdx = 4; return 0   (ucnv_open(name, UErrorCode*))
SET_ERROR_RDX = bytes.fromhex("4885D27406C702") + struct.pack("<I", U_FILE_ACCESS_ERROR) + RETURN_ZERO
# if (r8) *(int*)r8 = 4; return 0     (ucnv_getStandardName(name, standard, UErrorCode*))
SET_ERROR_R8 = (bytes.fromhex("4D85C0740741C700") + struct.pack("<I", U_FILE_ACCESS_ERROR)
                + RETURN_ZERO)
STUB_FOR = {"ucnv_open": SET_ERROR_RDX, "ucnv_getStandardName": SET_ERROR_R8}

SECTION_RVA = 0x1000
FILE_ALIGN = 0x200
SECTION_ALIGN = 0x1000


def imported_names(qt6core: Path) -> list[str]:
    """The icuuc.dll imports of a Qt6Core.dll, read from its import directory (no pefile needed)."""
    data = qt6core.read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections_count = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    import_rva = struct.unpack_from("<I", data, optional + 112 + 8)[0]  # data directory 1 (PE32+)
    sections = []
    for index in range(sections_count):
        base = optional + optional_size + 40 * index
        vsize, vaddr, rsize, raddr = struct.unpack_from("<IIII", data, base + 8)
        sections.append((vaddr, max(vsize, rsize), raddr))

    def offset(rva: int) -> int:
        for vaddr, size, raddr in sections:
            if vaddr <= rva < vaddr + size:
                return rva - vaddr + raddr
        raise ValueError(f"RVA {rva:#x} outside every section")

    def cstring(rva: int) -> str:
        start = offset(rva)
        return data[start:data.index(b"\0", start)].decode("ascii")

    names = []
    descriptor = offset(import_rva)
    while True:
        original_thunk, _, _, name_rva, first_thunk = struct.unpack_from("<IIIII", data, descriptor)
        if name_rva == 0:
            break
        if cstring(name_rva).lower() == "icuuc.dll":
            thunk = offset(original_thunk or first_thunk)
            while (entry := struct.unpack_from("<Q", data, thunk)[0]) != 0:
                if not entry & (1 << 63):  # by name: RVA of hint + name
                    names.append(cstring((entry & 0x7FFFFFFF) + 2))
                thunk += 8
        descriptor += 20
    return names


def build(dll_name: str, exports: dict[str, bytes | str]) -> bytes:
    """A DLL exporting each name as code (bytes) or as a forwarder ("dll.function")."""
    names = sorted(exports)  # the export name table must be sorted (binary search)
    # Section layout: code, then the export directory, its three tables and the strings (forwarders among them:
    # an export whose RVA lies inside the export directory is a forwarder string).
    code = bytearray()
    code_rvas: dict[str, int] = {}
    for name in names:
        if isinstance(exports[name], bytes):
            while len(code) % 16:
                code += b"\xCC"
            code_rvas[name] = SECTION_RVA + len(code)
            code += exports[name]
    while len(code) % 16:
        code += b"\xCC"
    export_rva = SECTION_RVA + len(code)
    count = len(names)
    functions_rva = export_rva + 40
    names_rva = functions_rva + 4 * count
    ordinals_rva = names_rva + 4 * count
    strings_rva = ordinals_rva + 2 * count
    strings = bytearray(dll_name.encode("ascii") + b"\0")
    name_rvas = []
    for name in names:
        name_rvas.append(strings_rva + len(strings))
        strings += name.encode("ascii") + b"\0"
    function_rvas = []
    for name in names:
        if isinstance(exports[name], bytes):
            function_rvas.append(code_rvas[name])
        else:
            function_rvas.append(strings_rva + len(strings))
            strings += exports[name].encode("ascii") + b"\0"
    export = struct.pack("<IIHHIIIIIII", 0, 0, 0, 0, strings_rva, 1, count, count, functions_rva, names_rva,
                         ordinals_rva)
    export += struct.pack(f"<{count}I", *function_rvas)
    export += struct.pack(f"<{count}I", *name_rvas)
    export += struct.pack(f"<{count}H", *range(count))
    export += strings
    export_size = len(export)
    body = bytes(code + export)
    raw_size = (len(body) + FILE_ALIGN - 1) // FILE_ALIGN * FILE_ALIGN
    virtual_size = len(body)
    image_size = SECTION_RVA + (virtual_size + SECTION_ALIGN - 1) // SECTION_ALIGN * SECTION_ALIGN

    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x80)
    file_header = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 240, 0x2022)  # EXECUTABLE|LARGE_ADDRESS|DLL
    data_dirs = [(0, 0)] * 16
    data_dirs[0] = (export_rva, export_size)
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0, raw_size, 0, 0, 0, SECTION_RVA,  # magic PE32+, linker, sizes, entry point none, code base
        0x6FF00000, SECTION_ALIGN, FILE_ALIGN, 6, 0, 0, 0, 6, 0, 0,  # image base, alignments, versions
        image_size, FILE_ALIGN, 0, 3, 0x0140,  # headers size, checksum, console subsystem, DYNAMIC_BASE|NX_COMPAT
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,
    ) + b"".join(struct.pack("<II", rva, size) for rva, size in data_dirs)
    section = struct.pack("<8sIIIIIIHHI", b".text", virtual_size, SECTION_RVA, raw_size, FILE_ALIGN, 0, 0, 0, 0,
                          0x60000020 | 0x40000000)  # CODE|EXECUTE|READ (+ INITIALIZED_DATA below)
    section = section[:-4] + struct.pack("<I", 0x60000060)
    headers = bytes(dos) + b"PE\0\0" + file_header + optional + section
    headers += b"\0" * (FILE_ALIGN - len(headers))
    return headers + body + b"\0" * (raw_size - len(body))


def main() -> int:
    system32 = Path(sys.argv[1])
    names = imported_names(Path(sys.argv[2])) if len(sys.argv) > 2 else DEFAULT_NAMES
    dlls = {
        "icuuc.dll": {name: STUB_FOR.get(name, RETURN_ZERO) for name in names},
        "bcryptprimitives.dll": {"ProcessPrng": "advapi32.SystemFunction036"},
    }
    for dll_name, exports in dlls.items():
        if not exports:
            continue
        (system32 / dll_name).write_bytes(build(dll_name, exports))
        print(f"{system32 / dll_name}: {len(exports)} exports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
