"""Mulberry32, bit for bit the generator of src/core/random.ts, so that seeded initialisation and
PCGrad's projection order can be reproduced here. JavaScript's 32-bit integer ops are emulated by
working modulo 2^32 on unsigned values: every bitwise step in the TS code depends only on the low
32 bits, whether JavaScript views them as signed or unsigned."""

MASK = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & MASK


class Mulberry32:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x6D2B79F5) & MASK
        t = self.state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    def uniform(self, low, high):
        return low + (high - low) * self.next()


def shuffled_indices(n, random):
    """Fisher-Yates over 0..n-1, drawing exactly as shuffledIndices in random.ts."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = int(random.next() * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order
