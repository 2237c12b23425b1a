"""HTTP routers: one per audience (citizens, officers) plus operations."""
