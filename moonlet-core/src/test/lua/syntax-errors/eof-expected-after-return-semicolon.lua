return;
return
