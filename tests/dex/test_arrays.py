"""The DEX layer's numpy helpers answer as numpy does."""

from __future__ import annotations

import numpy as np
import pytest

from apkaudit.dex.arrays import nonzero_u32, unique


@pytest.mark.parametrize("size", [0, 1, 2, 7, 1000, 70_000])
@pytest.mark.parametrize("dtype", [np.uint8, np.uint32, np.int64])
def test_unique_is_numpys(size: int, dtype: type) -> None:
    rng = np.random.default_rng(size)
    values = rng.integers(0, max(2, size // 3), size=size).astype(dtype)
    got = unique(values)
    assert got.dtype == dtype
    assert np.array_equal(got, np.unique(values))


def test_nonzero_u32_is_flatnonzero_across_chunks() -> None:
    mask = np.random.default_rng(1).random(200_000) < 0.3
    assert np.array_equal(nonzero_u32(mask), np.flatnonzero(mask))
