"""The Qt side of the window's devices: the 读卡 bar, camera capture, the rating
screen and the device settings. The protocols themselves are in `devices/`."""
