"""The resources: each family's models and the plain operations on their state.

Nothing here imports the engine or the backend: the domain holds every resource, and
each module knows only its own models and the shared helpers in ``common``.
"""
