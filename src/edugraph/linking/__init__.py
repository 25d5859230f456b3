"""Linking plans: jurisdictions, content alignment, SSSOM, alignment evaluation."""
