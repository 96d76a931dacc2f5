function a.() end
