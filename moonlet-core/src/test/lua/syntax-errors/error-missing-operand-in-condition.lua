while x < do end
