"""The window's panels, one file each. ``PANELS`` lists them in the order they are docked."""
