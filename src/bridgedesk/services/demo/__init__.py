"""A realistic demo program for trying BridgeDesk and for benchmarks."""

from bridgedesk.services.demo.generator import DemoSummary, generate_demo, wipe_program_data

__all__ = ["DemoSummary", "generate_demo", "wipe_program_data"]
