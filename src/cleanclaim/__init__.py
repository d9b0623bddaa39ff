"""cleanclaim: medical billing and coding for US physician practices."""

__version__ = "0.1.0"
