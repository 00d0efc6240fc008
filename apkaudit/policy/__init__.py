"""Rule books: loading and validating them, and judging facts under them."""
