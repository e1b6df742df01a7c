"""Pair health: is the mentor-mentee pairing working?

``pulses`` (the 1-10 pulses given at check-ins), ``fit`` (the "is this a good fit?" question
after a pair's first held check-in), ``surveys`` (the editable adjustment survey at 0, 6 and
12 months and the answers), ``rules_setting`` (the days-without-a-held-check-in threshold),
``reads`` (one mentee's pair health, in bulk for reports), ``flag_reads`` (what the flag
rules need for every active mentee, in a few set-based queries) and ``flags`` (every flag of
the program, for the attention list and the program report). The rules are in
``domain.pair_health_flags``.
"""
