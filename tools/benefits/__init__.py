"""The welfare-benefits database: program catalogue, dated rule parameters, standard median income."""
