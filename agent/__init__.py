"""Application layer of the Siheung welfare agent: settings, CLI, HTTP service."""
