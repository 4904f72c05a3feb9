"""A whole December in one run (README, A December in one test).

``simulate`` drives the real product (the library, the command line and the web
page, as planners and providers use them) through every working day of a
region's period, from a first plan in late November to the end, with a seeded
stream of what happens in a real December: answers online and in returned
workbooks, withdrawals and new reassessments, a consultant ill, a location
closed, a provider leaving, support plans renewed, moves by hand, chosen
options, reruns and sends; and faults: a rerun killed, the disk full while
writing, the answer store busy, the server restarted, twenty providers
answering during a rerun, a mail server that refuses a recipient or drops the
connection. After every step the invariants are checked by code that is not
the code it checks (``tests/checker.py`` and readers of the files of its own,
``invariants``). The same seed gives the same history; ``replay`` stops after
a given day and step, leaving the folder as it was then.
"""

from benchmarks.december.simulation import Report, simulate

__all__ = ["Report", "simulate"]
