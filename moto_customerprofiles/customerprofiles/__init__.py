from .models import customerprofiles_backends

__all__ = ["customerprofiles_backends"]
