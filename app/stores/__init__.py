"""What a planning keeps between runs and requests, beside its folder: the providers'
online answers and links, their corrections, the page's mail settings, and the cache
of what was read (``herplan suggest``)."""
