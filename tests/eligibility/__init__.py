"""Eligibility cases: YAML files a policy officer can read and extend (issue 2)."""
