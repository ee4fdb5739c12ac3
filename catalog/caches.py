"""A per-process cache bounded by the bytes it holds, not by its number of entries: a cached page
runs from a few kilobytes to hundreds, so a count says little about the memory it takes."""

from collections import OrderedDict
from threading import Lock
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Each named cache's sizes, shared like LocMemCache's own stores by every instance of that name.
_usages: dict[str, "Usage"] = {}


class Usage:
    """The size of each value held, and their total."""

    def __init__(self) -> None:
        self.sizes: dict[str, int] = {}
        self.total = 0

    def add(self, key: str, size: int) -> None:
        self.forget(key)
        self.sizes[key] = size
        self.total += size

    def forget(self, key: str) -> None:
        self.total -= self.sizes.pop(key, 0)

    def clear(self) -> None:
        self.sizes.clear()
        self.total = 0


class BoundedMemoryCache(LocMemCache):
    """LocMemCache holding at most OPTIONS["MAX_BYTES"] of pickled values (64 MB unless told);
    the least recently used are dropped first, and a value larger than the bound is not kept."""

    # LocMemCache's own, which django-stubs leave out, with its _set, _delete and _cull.
    _cache: OrderedDict[str, bytes]
    _expire_info: dict[str, float | None]
    _lock: Lock

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__(name, params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 64 * 1024 * 1024))
        self._usage = _usages.setdefault(name, Usage())

    # LocMemCache calls these with its lock held.
    def _set(self, key: str, value: bytes, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        if len(value) > self.max_bytes:
            self._delete(key)
            return
        super()._set(key, value, timeout)  # type: ignore[misc]
        self._usage.add(key, len(value))
        while self._usage.total > self.max_bytes:
            # LocMemCache keeps the most recently used first: the last is the one to drop.
            oldest, _ = self._cache.popitem()
            self._expire_info.pop(oldest, None)
            self._usage.forget(oldest)

    def _delete(self, key: str) -> bool:
        self._usage.forget(key)
        return super()._delete(key)  # type: ignore[misc]

    def _cull(self) -> None:
        super()._cull()  # type: ignore[misc]
        for key in [key for key in self._usage.sizes if key not in self._cache]:
            self._usage.forget(key)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._usage.clear()
