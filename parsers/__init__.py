"""The extraction: PDF text layer -> page facts -> article split -> per-article fields."""
