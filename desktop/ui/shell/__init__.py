"""The main window and what surrounds it: menus, actions, settings, language, exports."""
