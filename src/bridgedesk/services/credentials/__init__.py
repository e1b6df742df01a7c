"""Credentials, visas, waivers and licences with their deadlines."""
