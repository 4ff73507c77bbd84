"""The extraction: PDF text layer -> page facts -> article split -> per-article fields."""
from parsers import regex_compile

regex_compile.install()  # each CJK character class compiled once per process (its module docstring)
