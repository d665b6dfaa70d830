"""The backend's operations, one module per resource family, named after the API.

Each class adds one family's operations to ``BackendState``; ``models`` combines them side
by side. None of them inherits or calls another: they meet in the resources the domain
holds and in the engine.
"""
