x = y +


