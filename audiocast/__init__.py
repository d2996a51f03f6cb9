"""audiocast: a newsroom's written articles in, a podcast feed out.

The pipeline runs one way: sources -> narration -> speech -> audio -> publish,
with the frozen dataclasses of :mod:`audiocast.model` passed between stages.
"""

__version__ = "0.1.0"
