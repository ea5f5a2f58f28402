"""快答 Kuaida: quick replies for online-shop customer service."""

__version__ = "0.1.0"
