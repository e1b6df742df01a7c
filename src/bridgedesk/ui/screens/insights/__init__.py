"""The Insights screen: the two-way learning log and its form."""
