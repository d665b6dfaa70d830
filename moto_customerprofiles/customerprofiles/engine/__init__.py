"""Pure computation engines: no backend state, no moto imports."""
