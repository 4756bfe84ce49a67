"""Tests of the preparation sheet (mixerpult.sheet)."""
